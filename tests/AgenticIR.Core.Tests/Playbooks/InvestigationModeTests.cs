using System.Text.Json;
using System.Text.Json.Nodes;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Core.Tests.Playbooks;

public sealed class InvestigationModeTests
{
    private static readonly InvestigationRecord Record = Records.Investigation(stage: InvestigationStage.Triaged);

    [Theory]
    [InlineData(PlaybookMode.Off, "off")]
    [InlineData(PlaybookMode.Shadow, "shadow")]
    [InlineData(PlaybookMode.Assisted, "assisted")]
    [InlineData(PlaybookMode.Autonomous, "autonomous")]
    public void Serialize_Mode_StoredAsTheSameTextAsBefore(PlaybookMode mode, string text)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Record with { Mode = mode }, CoreJson.Options))!;

        Assert.Equal(text, json["mode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("off", PlaybookMode.Off)]
    [InlineData("assisted", PlaybookMode.Assisted)]
    [InlineData("Autonomous", PlaybookMode.Autonomous)]
    [InlineData(" SHADOW ", PlaybookMode.Shadow)]
    public void Deserialize_ModeStoredAsString_ReadsTheMode(string stored, PlaybookMode expected)
    {
        var restored = JsonSerializer.Deserialize<InvestigationRecord>(WithMode(JsonValue.Create(stored)), CoreJson.Options)!;

        Assert.Equal(expected, restored.Mode);
    }

    [Fact]
    public void Deserialize_UnknownStoredMode_ReadsAsShadowSoNothingIsDispatched()
    {
        var restored = JsonSerializer.Deserialize<InvestigationRecord>(WithMode(JsonValue.Create("observe")), CoreJson.Options)!;

        Assert.Equal(PlaybookMode.Shadow, restored.Mode);
        Assert.True(restored.Mode.IsObserveOnly());
    }

    [Fact]
    public void Deserialize_ModeAsNumber_ReadsAsShadow()
    {
        var restored = JsonSerializer.Deserialize<InvestigationRecord>(WithMode(JsonValue.Create(3)), CoreJson.Options)!;

        Assert.Equal(PlaybookMode.Shadow, restored.Mode);
    }

    [Theory]
    [InlineData(PlaybookMode.Off, true)]
    [InlineData(PlaybookMode.Shadow, true)]
    [InlineData(PlaybookMode.Assisted, false)]
    [InlineData(PlaybookMode.Autonomous, false)]
    public void IsObserveOnly_EachMode_OnlyShadowAndOffDispatchNothing(PlaybookMode mode, bool observeOnly) =>
        Assert.Equal(observeOnly, mode.IsObserveOnly());

    [Theory]
    [InlineData("autonomus")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2")]
    public void Parse_NotAModeName_ThrowsNamingTheModes(string? text)
    {
        var error = Assert.Throws<ArgumentException>(() => PlaybookModeNames.Parse(text));

        Assert.Contains("off, shadow, assisted or autonomous", error.Message, StringComparison.Ordinal);
    }

    private static string WithMode(JsonNode mode)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Record, CoreJson.Options))!.AsObject();
        json["mode"] = mode;
        return json.ToJsonString();
    }
}
