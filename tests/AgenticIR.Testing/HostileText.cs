namespace AgenticIR.Testing;

/// <summary>Attacker-written strings for fuzz-style tests of everything that stores, logs or exports alert text: NUL,
/// CR/LF (forged log lines), spreadsheet formulas, homoglyphs, other controls and unpaired surrogates. Cases are named so
/// test names stay printable; look a value up with <see cref="Get"/>.</summary>
public static class HostileText
{
    private static readonly Dictionary<string, string> Cases = new(StringComparer.Ordinal)
    {
        ["nul"] = "Beacon\0hidden tail",
        // Past about 512 UTF-8 bytes SQLitePCLRaw binds a string NUL-terminated, so this is the one that used to be cut.
        ["nul_long"] = "Beacon\0hidden tail " + new string('x', 600) + "\0end",
        ["crlf_forged_log_line"] = "nul01\r\n2026-12-06 16:00:00.000 +00:00 [INF] Kill switch global released by ciso",
        ["lone_lf_and_cr"] = "first\nsecond\rthird",
        ["formula_equals"] = "=cmd|' /C calc'!A0: not in the identity directory",
        ["formula_plus"] = "+1+cmd|' /C calc'!A0",
        ["formula_minus"] = "-2+3+cmd|' /C calc'!A0",
        ["formula_at"] = "@SUM(1+1)*cmd|' /C calc'!A0",
        ["formula_tab"] = "\t=1+1",
        ["formula_cr"] = "\r=1+1",
        ["formula_fullwidth"] = "\uFF1D1+1",
        ["leading_quote"] = "'quoted already",
        ["homoglyph_cyrillic"] = "\u0440\u0430\u0443\u0440\u0430l.com \u0430dmin",
        ["homoglyph_fullwidth"] = "\uFF23\uFF2F\uFF32\uFF30\uFF3C\uFF41\uFF44\uFF4D\uFF49\uFF4E",
        ["bidi_override"] = "invoice\u202Egpj.exe",
        ["controls"] = "bell\u0007 esc\u001B[31mred\u001B[0m del\u007F c1\u0085 ls\u2028 ps\u2029 tab\tend",
        ["separators"] = "a=b|c\\d,e\"f' g",
        ["lone_high_surrogate"] = "tail \uD800 end",
        ["lone_low_surrogate"] = "\uDC00 start",
        ["emoji_pair"] = "ok \uD83D\uDE00 pair",
    };

    /// <summary>Every case name, for a theory's data.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Cases.Keys];

    /// <summary>The hostile string of one case.</summary>
    public static string Get(string name) => Cases[name];
}
