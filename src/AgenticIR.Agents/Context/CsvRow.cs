using System.Globalization;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Context;

/// <summary>One data row with typed accessors that name the file and line when a value is bad.</summary>
internal sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> cells)
{
    public int Line => line;

    /// <summary>The trimmed cell, or null when empty.</summary>
    public string? Optional(string column)
    {
        var value = cells[columns[column]].Trim();
        return value.Length == 0 ? null : value;
    }

    public string Required(string column) =>
        Optional(column) ?? throw Error($"column '{column}' is empty");

    public DateTimeOffset Timestamp(string column)
    {
        var text = Required(column);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Error($"column '{column}' is not a timestamp: '{text}'");
    }

    public double Probability(string column)
    {
        var text = Required(column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw Error($"column '{column}' must be a number in [0, 1]: '{text}'");
    }

    public bool Boolean(string column)
    {
        var text = Optional(column)?.ToLowerInvariant();
        return text switch
        {
            null or "false" or "no" or "0" => false,
            "true" or "yes" or "1" => true,
            _ => throw Error($"column '{column}' must be true or false: '{text}'"),
        };
    }

    public Severity Severity(string column)
    {
        var text = Required(column);
        return SeverityNames.TryParse(text, out var value) ? value : throw Error($"column '{column}' is not a severity: '{text}'");
    }

    public ObservableType ObservableType(string column)
    {
        var text = Required(column);
        return ObservableTypeNames.TryParse(text, out var value)
            ? value
            : throw Error($"column '{column}' is not an observable type ({string.Join(", ", ObservableTypeNames.All)}): '{text}'");
    }

    /// <summary>A ';'-separated list cell.</summary>
    public IReadOnlyList<string> List(string column) =>
        Optional(column)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public string OneOf(string column, params string[] allowed)
    {
        var text = Required(column).ToLowerInvariant();
        return allowed.Contains(text) ? text : throw Error($"column '{column}' must be one of {string.Join("|", allowed)}: '{text}'");
    }

    public ContextDataException Error(string problem) => new(file, line, problem);
}
