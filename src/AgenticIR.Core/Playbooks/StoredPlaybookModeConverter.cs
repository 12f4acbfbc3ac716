using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgenticIR.Core.Playbooks;

/// <summary>Reads and writes an investigation's mode as its wire name, the same text the store held when the mode was a
/// string. A stored value that names no mode (an old configuration typo) reads as <see cref="PlaybookMode.Shadow"/>,
/// the mode that dispatches nothing, so an old record stays readable and can never gain the right to act.</summary>
public sealed class StoredPlaybookModeConverter : JsonConverter<PlaybookMode>
{
    /// <inheritdoc/>
    public override PlaybookMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PlaybookModeNames.TryParse(reader.GetString(), out var mode) ? mode : PlaybookMode.Shadow;

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PlaybookMode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToWire());
    }
}
