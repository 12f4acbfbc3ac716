using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>Which war-room entries a person wrote: text entries (type 1) with an author that is not the bridge's own
/// user, not the output of a command (<c>parentContent</c>) or of a playbook task (<c>entryTask</c>), and not a slash
/// command (<c>/approve</c>, <c>/deny</c> are answers, read by the approval channel).</summary>
internal static class XsoarPeopleEntries
{
    private const int TextType = 1;

    public static bool IsByPerson(XsoarEntry entry, string? ourUser)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Type is TextType or null
            && !string.IsNullOrWhiteSpace(entry.User) && !string.Equals(entry.User, ourUser, StringComparison.Ordinal)
            && string.IsNullOrEmpty(entry.ParentContent) && entry.Task is null
            && entry.Contents is { } text && !string.IsNullOrWhiteSpace(text) && !text.TrimStart().StartsWith('/');
    }
}
