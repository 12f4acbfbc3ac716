namespace AgenticIR.Definitions;

/// <summary>One problem in a definition file, located precisely enough to fix it.</summary>
/// <param name="File">Path of the file.</param>
/// <param name="Line">1-based line, 0 when the whole file is at fault.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Field">Dotted path of the field, e.g. <c>circuit_breakers.per_investigation.max_steps</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record DefinitionError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary><c>file:line:column: field: message</c>, the form editors and CI logs link to.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Message}";
}
