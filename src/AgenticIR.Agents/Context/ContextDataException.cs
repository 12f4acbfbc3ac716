namespace AgenticIR.Agents.Context;

/// <summary>A context file (operator-controlled configuration) holds a row that cannot be read.</summary>
public sealed class ContextDataException(string file, int line, string problem)
    : Exception($"{file} line {line}: {problem}")
{
    /// <summary>The file, as given to the loader.</summary>
    public string File { get; } = file;

    /// <summary>1-based physical line where the bad row starts.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; } = problem;
}
