using System.Globalization;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>business_hours</c> section; absent means every hour is a business hour.</summary>
internal static class BusinessHoursSectionReader
{
    private static readonly (string Name, DayOfWeek Day)[] Days =
    [
        ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday), ("thu", DayOfWeek.Thursday),
        ("fri", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday),
    ];

    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri"];

    public static BusinessHours? Read(NodeReader r, YamlMap root)
    {
        if (r.OptionalMap(root, "business_hours") is not { } section) return null;
        var before = r.Errors.Count;
        r.AllowOnly(section, "time_zone", "days", "start", "end");

        var zone = r.RequireString(section, "time_zone");
        if (zone is not null && !IsTimeZone(zone))
            r.Error(section.Get("time_zone"), section.FieldOf("time_zone"), $"unknown time zone '{zone}' (use an IANA id such as Europe/London)");

        var dayNames = NodeReader.Optional(section, "days") is null
            ? Weekdays
            : r.RequireOneOfList(section, "days", [.. Days.Select(d => d.Name)]);
        var start = Time(r, section, "start", new TimeOnly(8, 0));
        var end = Time(r, section, "end", new TimeOnly(18, 0));
        if (start is not null && end is not null && end <= start)
        {
            r.Error(section.Get("end") ?? section.Node, section.FieldOf("end"),
                $"must be after start ({start.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}); overnight business hours are not supported");
        }

        if (r.Errors.Count != before || zone is null || dayNames is null || start is null || end is null) return null;
        return new BusinessHours(zone, [.. Days.Where(d => dayNames.Contains(d.Name)).Select(d => d.Day)], start.Value, end.Value);
    }

    private static TimeOnly? Time(NodeReader r, YamlMap section, string key, TimeOnly fallback)
    {
        if (NodeReader.Optional(section, key) is not { } node) return fallback;
        if (r.AsString(node, section.FieldOf(key)) is not { } text) return null;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        r.Error(node, section.FieldOf(key), $"'{text}' is not a time of day as HH:mm, e.g. \"08:00\"");
        return null;
    }

    private static bool IsTimeZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
