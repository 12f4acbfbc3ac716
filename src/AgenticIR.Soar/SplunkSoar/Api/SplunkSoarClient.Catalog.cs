namespace AgenticIR.Soar.SplunkSoar.Api;

internal sealed partial class SplunkSoarClient
{
    public Task<SoarUser?> GetUserAsync(long userId, CancellationToken cancellationToken) =>
        GetOrNullAsync($"rest/ph_user/{userId}", SoarParsers.User, cancellationToken);

    /// <summary>Automation users are reportedly left out of <c>/rest/ph_user</c> unless <c>include_automation</c> is
    /// given; approvers are people, so they are not asked for.</summary>
    public async Task<SoarUser?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var page = await GetPageAsync("rest/ph_user", new SoarQuery().Quoted("_filter_username", username).Paging(0, 1), SoarParsers.User, cancellationToken);
        return page.Data.Count > 0 ? page.Data[0] : null;
    }

    public Task<IReadOnlyList<SoarRole>> ListRolesAsync(CancellationToken cancellationToken) =>
        ListEverythingAsync("rest/role", SoarParsers.Role, cancellationToken);

    public Task<IReadOnlyList<SoarApp>> ListAppsAsync(CancellationToken cancellationToken) =>
        ListEverythingAsync("rest/app", SoarParsers.App, cancellationToken);

    public Task<IReadOnlyList<SoarAppAction>> ListAppActionsAsync(CancellationToken cancellationToken) =>
        ListEverythingAsync("rest/app_action", SoarParsers.AppAction, cancellationToken);

    public Task<IReadOnlyList<SoarAsset>> ListAssetsAsync(CancellationToken cancellationToken) =>
        ListEverythingAsync("rest/asset", SoarParsers.Asset, cancellationToken);
}
