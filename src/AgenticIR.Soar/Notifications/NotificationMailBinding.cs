namespace AgenticIR.Soar.Notifications;

/// <summary>The parameters a mail binding is sent with: its own literals, with <c>to</c>, <c>subject</c> and <c>body</c>
/// replaced. The recipients are the policy's, joined by commas; nothing from the event or the alert can add one (subject
/// and body go in their own parameters, never in <c>to</c>).</summary>
internal static class NotificationMailBinding
{
    /// <summary>The reason the binding cannot send notification mail, or null when it can.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string> parameters, string action, string platform)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var missing = Core.Policy.NotificationMail.FilledParameters.Where(p => !parameters.ContainsKey(p)).ToList();
        return missing.Count == 0 ? null : $"the {platform} binding of '{action}' has no {string.Join(", ", missing)} parameter";
    }

    public static Dictionary<string, string> Parameters(IReadOnlyDictionary<string, string> literals, IReadOnlyList<string> recipients, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(literals);
        ArgumentNullException.ThrowIfNull(recipients);
        // Template references (${inputs.x}, ${target}) have no value here: a notification is not an action on an observable.
        var parameters = literals.Where(p => !p.Value.Contains("${", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        parameters["to"] = string.Join(",", recipients);
        parameters["subject"] = subject;
        parameters["body"] = body;
        return parameters;
    }
}
