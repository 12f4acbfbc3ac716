using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>The outcome of reading a policy file, with the locations of every action it names.</summary>
internal sealed record PolicyReadResult(GovernancePolicy? Policy, IReadOnlyList<DefinitionError> Errors, IReadOnlyList<GateReference> ActionReferences)
{
    /// <summary>Where <c>notifications.mail.action</c> is written (the <c>mail</c> map when the action is the default);
    /// null without a <c>notifications.mail</c> section.</summary>
    public YamlLocation? MailAction { get; init; }
}
