using System.Text;

namespace AgenticIR.Definitions.Mapping.Attack;

/// <summary>How table keys and the values looked up in them compare: letters and digits only, case-insensitively.</summary>
/// <remarks>Vendors spell one documented type several ways. GuardDuty's <c>Stealth:IAMUser/CloudTrailLoggingDisabled</c> is
/// <c>Stealth:IAMUser-CloudTrailLoggingDisabled</c> inside a Security Hub finding (where <c>/</c> separates the type's parts),
/// Entra ID's risk event <c>passwordSpray</c> is the alert category <c>PasswordSpray</c>, and an ATT&amp;CK name appears as
/// <c>Brute Force</c> or <c>brute_force</c>. Dropping punctuation and case makes these one key without fuzzy matching.</remarks>
internal static class AttackTableKey
{
    /// <summary>Values longer than this are not type names; they are never looked up.</summary>
    public const int MaxLength = 256;

    /// <summary>The comparison key of <paramref name="text"/>: its letters and digits, lower-cased; empty when it has none or is too long.</summary>
    public static string Canonical(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength) return "";
        var key = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }
}
