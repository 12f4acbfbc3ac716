using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Catalog;

namespace AgenticIR.Definitions.Tests.Catalog;

public sealed class SplunkSoarParametersTests
{
    private static readonly SplunkSoarBinding Binding = new()
    {
        App = "Panorama",
        Action = "block ip",
        Parameters = new Dictionary<string, string> { ["ip"] = "${target}", ["device_group"] = "shared" },
        Provenance = "test",
    };

    [Fact]
    public void Resolve_Target_ReplacesOnlyThePlaceholderAndNeverInterpretsTheValue()
    {
        var resolved = SplunkSoarParameters.Resolve(Binding, "${device_group}");

        Assert.Equal(new Dictionary<string, string> { ["ip"] = "${device_group}", ["device_group"] = "shared" }, resolved);
    }

    [Fact]
    public void Resolve_MissingTargetForTargetedBinding_Throws() =>
        Assert.Throws<ArgumentException>(() => SplunkSoarParameters.Resolve(Binding, null));
}
