using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AgenticIR.Core.Policy;
using AgenticIR.Splunk.App;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>The packaged app read back from its tarball, as Splunk would unpack it.</summary>
internal sealed record SplunkAppContents(IReadOnlyList<TarEntryType> Types, IReadOnlyList<string> Names, IReadOnlyDictionary<string, string> Files)
{
    public static async Task<SplunkAppContents> PackAsync(CancellationToken cancellationToken)
    {
        var builder = new SplunkAppBuilder(GraduationCriteria.Default, new FakeTimeProvider());
        using var archive = new MemoryStream();
        await builder.WriteArchiveAsync(archive, cancellationToken);
        archive.Position = 0;

        var types = new List<TarEntryType>();
        var names = new List<string>();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var gzip = new GZipStream(archive, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: true, cancellationToken) is { } entry)
        {
            types.Add(entry.EntryType);
            names.Add(entry.Name);
            if (entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data);
                files[entry.Name] = await reader.ReadToEndAsync(cancellationToken);
            }
        }
        return new SplunkAppContents(types, names, files);
    }

    public IEnumerable<(string Name, XDocument Xml, JsonObject Definition)> Views() =>
        Files.Where(f => f.Key.StartsWith("agentic_ir/default/data/ui/views/", StringComparison.Ordinal))
            .Select(f =>
            {
                var xml = XDocument.Parse(f.Value);
                var definition = JsonNode.Parse(xml.Root!.Element("definition")!.Value)!.AsObject();
                return (Path.GetFileNameWithoutExtension(f.Key), xml, definition);
            });

    /// <summary>Every SPL the dashboards run or open: data-source queries and drill-down searches.</summary>
    public IEnumerable<(string Where, string Spl)> Searches() =>
        Views().SelectMany(v =>
            v.Definition["dataSources"]!.AsObject().Select(ds => ($"{v.Name}/{ds.Key}", ds.Value!["options"]!["query"]!.GetValue<string>()))
            .Concat(v.Definition["visualizations"]!.AsObject()
                .SelectMany(viz => viz.Value!["eventHandlers"]?.AsArray() ?? [])
                .Where(h => h!["type"]!.GetValue<string>() == "drilldown.linkToSearch")
                .Select(h => ($"{v.Name}/drilldown", h!["options"]!["query"]!.GetValue<string>()))));

    /// <summary>The search as Splunk runs it: each <c>`macro`</c> of the app's macros.conf replaced by its definition.</summary>
    public string ExpandMacros(string spl)
    {
        if (!Files.TryGetValue("agentic_ir/default/macros.conf", out var macros)) return spl;
        return System.Text.RegularExpressions.Regex.Replace(spl, "`([a-z_]+)`", m => ConfValue(macros, m.Groups[1].Value, "definition") ?? m.Value);
    }

    /// <summary>Value of <paramref name="key"/> in <c>[section]</c> of a .conf file.</summary>
    public static string? ConfValue(string conf, string section, string key)
    {
        var current = "";
        foreach (var raw in conf.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']')) current = line[1..^1];
            else if (current == section && line.Split('=', 2) is [var k, var v] && k.Trim() == key) return v.Trim();
        }
        return null;
    }
}
