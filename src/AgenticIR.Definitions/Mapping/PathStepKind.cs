namespace AgenticIR.Definitions.Mapping;

/// <summary>What one step of a <see cref="PayloadPath"/> does.</summary>
internal enum PathStepKind
{
    /// <summary>Take a property by name (exact, then case-insensitive); applied to every element of an array.</summary>
    Property,
    /// <summary><c>*</c>: every property value of an object.</summary>
    AnyProperty,
    /// <summary><c>..name</c>: properties with that name at any depth, shallowest first.</summary>
    Descendant,
    /// <summary><c>[*]</c>: every element of an array.</summary>
    AllElements,
    /// <summary><c>[n]</c>: one element of an array (negative counts from the end).</summary>
    Element,
    /// <summary><c>[key=value]</c>: array elements whose <c>key</c> property equals <c>value</c> (case-insensitive).</summary>
    Filter,
    /// <summary><c>|json</c>: parse a string value as JSON (XSOAR <c>rawJSON</c>, OCSF <c>raw_data</c>).</summary>
    ParseJson,
}
