/** First-run screen. The connection form and "Try the sandbox" plug in here. */
export function ConnectScreen() {
  return (
    <section className="panel connect" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect to the Marketplace</h1>
      <p className="muted">
        Token Desk manages the API tokens of your SoftwareOne Marketplace account. Connect with an API token of an account
        administrator; it is kept in this computer&apos;s keychain, never in a file.
      </p>
    </section>
  );
}
