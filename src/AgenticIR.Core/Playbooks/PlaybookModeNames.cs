namespace AgenticIR.Core.Playbooks;

/// <summary>The wire names of <see cref="PlaybookMode"/> and the one rule for what each mode may do.</summary>
public static class PlaybookModeNames
{
    /// <summary>The lower-case wire name: <c>off</c>, <c>shadow</c>, <c>assisted</c> or <c>autonomous</c>.</summary>
    public static string ToWire(this PlaybookMode mode) => mode switch
    {
        PlaybookMode.Off => "off",
        PlaybookMode.Shadow => "shadow",
        PlaybookMode.Assisted => "assisted",
        PlaybookMode.Autonomous => "autonomous",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown playbook mode."),
    };

    /// <summary>True in the modes where nothing is ever dispatched (<c>shadow</c> and <c>off</c>), so nobody is asked to
    /// approve anything and the plan is only recorded.</summary>
    public static bool IsObserveOnly(this PlaybookMode mode) => mode is PlaybookMode.Shadow or PlaybookMode.Off;

    /// <summary>Parses a wire name, ignoring case and surrounding space; false for anything else (numbers included).</summary>
    public static bool TryParse(string? text, out PlaybookMode mode)
    {
        mode = PlaybookMode.Shadow;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "off": mode = PlaybookMode.Off; return true;
            case "shadow": return true;
            case "assisted": mode = PlaybookMode.Assisted; return true;
            case "autonomous": mode = PlaybookMode.Autonomous; return true;
            default: return false;
        }
    }

    /// <summary>Parses a wire name from configuration or the command line.</summary>
    /// <exception cref="ArgumentException">The text names no mode.</exception>
    public static PlaybookMode Parse(string? text) => TryParse(text, out var mode)
        ? mode
        : throw new ArgumentException($"'{text}' is not a playbook mode (expected off, shadow, assisted or autonomous).", nameof(text));
}
