using AgenticIR.Definitions.Mapping;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>One loaded normalizer over the shipped mappings, shared by the mapping tests.</summary>
internal static class ShippedMappings
{
    private static readonly Lazy<MappingNormalizer> Instance = new(() => MappingNormalizer.Load(RepoPaths.Mappings));

    public static MappingNormalizer Normalizer => Instance.Value;
}
