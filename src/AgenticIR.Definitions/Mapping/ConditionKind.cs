namespace AgenticIR.Definitions.Mapping;

/// <summary>The test a <see cref="DetectCondition"/> applies.</summary>
internal enum ConditionKind
{
    /// <summary>Always true (the generic mapping).</summary>
    Always,
    /// <summary>The path selects something (or nothing, when the expected value is false).</summary>
    Exists,
    /// <summary>A selected scalar equals the value, case-insensitively.</summary>
    EqualsValue,
    /// <summary>A selected scalar matches the regular expression.</summary>
    Matches,
    /// <summary>A selected scalar equals one of the values.</summary>
    OneOf,
    /// <summary>Every child holds.</summary>
    All,
    /// <summary>At least one child holds.</summary>
    Any,
    /// <summary>The single child does not hold.</summary>
    Not,
}
