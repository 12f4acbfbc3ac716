using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Response;

/// <summary>Reads the free-text roles mappings put on observables.</summary>
internal static class ObservableRoles
{
    private static readonly string[] SenderRoles = ["sender", "from", "reply_to", "return_path", "envelope_from"];
    private static readonly string[] RecipientRoles = ["recipient", "to", "cc", "bcc", "mailbox"];
    private static readonly string[] SourceRoles = ["source", "src", "client", "attacker"];

    public static bool IsSender(Observable o) => Has(o, SenderRoles);

    public static bool IsRecipient(Observable o) => Has(o, RecipientRoles);

    public static bool IsSource(Observable o) => Has(o, SourceRoles);

    private static bool Has(Observable o, string[] roles) =>
        o.Role is { } role && roles.Any(r => role.Equals(r, StringComparison.OrdinalIgnoreCase));
}
