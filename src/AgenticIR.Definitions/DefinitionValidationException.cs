namespace AgenticIR.Definitions;

/// <summary>Thrown when definition files fail validation; carries every error, not just the first.</summary>
public sealed class DefinitionValidationException(IReadOnlyList<DefinitionError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} definition errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    /// <summary>All errors found.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
