using AgenticIR.Definitions.Catalog;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Checks <c>notifications.mail</c> against the connectors: the mail action exists, has a binding, and every
/// binding declares the parameters a notification fills (<see cref="NotificationMail.FilledParameters"/>), so mail is not
/// first refused at delivery time. Errors point at the policy's <c>mail.action</c> line.</summary>
internal static class NotificationMailCheck
{
    public static IEnumerable<DefinitionError> Check(NotificationMail mail, YamlLocation at, ActionCatalog catalog, string connectorsFolder)
    {
        if (catalog.Find(mail.Action) is not { } action)
        {
            yield return at.Error($"mail action '{mail.Action}' is not defined in the catalog (no {mail.Action}.yaml in {connectorsFolder})");
            yield break;
        }
        var file = action.SourceFile ?? Path.Combine(connectorsFolder, mail.Action + ".yaml");
        if (action.SplunkSoar is null && action.Xsoar is null)
            yield return at.Error($"mail action '{mail.Action}' ({file}) has no splunk_soar or xsoar binding to send mail with");
        if (action.SplunkSoar is { } splunk && Missing(splunk.Parameters) is { } p)
            yield return at.Error($"the splunk_soar binding of mail action '{mail.Action}' ({file}) has no {p} parameter; notification mail fills {Filled}");
        if (action.Xsoar is { } xsoar && Missing(xsoar.Arguments) is { } a)
            yield return at.Error($"the xsoar binding of mail action '{mail.Action}' ({file}) has no {a} argument; notification mail fills {Filled}");
    }

    private static string Filled => string.Join(", ", NotificationMail.FilledParameters);

    private static string? Missing(IReadOnlyDictionary<string, string> parameters)
    {
        var missing = NotificationMail.FilledParameters.Where(p => !parameters.ContainsKey(p)).Select(p => $"'{p}'").ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }
}
