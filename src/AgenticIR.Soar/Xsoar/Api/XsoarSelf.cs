namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>The XSOAR user the API key belongs to (<c>GET /user</c>), read once per process: entries by this user are the
/// bridge's own; no other entry is ever taken for one of ours, whatever it says. Two first calls at once both ask, which is
/// harmless (a read).</summary>
internal sealed class XsoarSelf(IXsoarClient client)
{
    private volatile string? _id;

    public async Task<string> IdAsync(CancellationToken cancellationToken) =>
        _id ??= (await client.GetCurrentUserAsync(cancellationToken)).Id;
}
