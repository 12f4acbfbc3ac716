using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Bus;
using AgenticIR.Core.State;

namespace AgenticIR.Storage.Shared;

/// <summary>The text forms columns use: UTC round-trip timestamps (text order is time order) and the snake_case enum
/// names CoreJson writes, so a row reads the same as the JSON beside it.</summary>
internal static class StoreText
{
    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.ToText[value];

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        EnumNames<TEnum>.FromText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"Unknown {typeof(TEnum).Name} '{text}' in the state store.");

    public static string Stage(InvestigationStage stage) => Name(stage);

    public static string MessageType(MessageType type) => Name(type);

    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ToText =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly Dictionary<string, TEnum> FromText =
            ToText.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
