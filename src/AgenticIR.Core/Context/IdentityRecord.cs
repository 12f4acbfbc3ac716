namespace AgenticIR.Core.Context;

/// <summary>An identity-directory row.</summary>
public sealed record IdentityRecord
{
    /// <summary>Account name.</summary>
    public required string User { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Department.</summary>
    public string? Department { get; init; }
    /// <summary>Role, e.g. <c>CFO</c>, <c>domain_admin</c>.</summary>
    public string? Role { get; init; }
    /// <summary>Privileged account.</summary>
    public bool Privileged { get; init; }
    /// <summary>ISO-2 countries the user normally signs in from.</summary>
    public IReadOnlyList<string> UsualCountries { get; init; } = [];
    /// <summary>Manager.</summary>
    public string? Manager { get; init; }
}
