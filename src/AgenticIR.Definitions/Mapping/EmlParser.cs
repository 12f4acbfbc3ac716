using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Parses a raw RFC 822 message into the JSON document the <c>eml</c> mapping reads (layout in <c>mappings/README.md</c>):
/// unfolded headers, addresses, Received hop IPs, Authentication-Results verdicts, decoded text/HTML bodies, links,
/// attachments and QR-code payloads.
/// </summary>
internal static partial class EmlParser
{
    private static readonly string[] KnownHeaders =
        ["from", "to", "subject", "date", "received", "message-id", "return-path", "mime-version", "delivered-to", "authentication-results", "content-type", "reply-to", "cc", "x-mailer", "arc-seal", "dkim-signature"];

    [GeneratedRegex(@"^[!-9;-~]+:", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\b(spf|dkim|dmarc|compauth|arc)=([A-Za-z]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthVerdict();

    [GeneratedRegex(@"QR[ _-]?code(?:[ _-]?(?:decoded|payload|url|content))?\s*[:=]\s*(\S+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QrMarker();

    /// <summary>True when the text starts with RFC 822 header lines (at least two well-known headers among the first lines).</summary>
    public static bool LooksLikeEmail(string content)
    {
        var lines = ReadHeaderBlock(content, maxLines: 200);
        if (lines.Count == 0 || !HeaderLine().IsMatch(lines[0])) return false;
        var known = lines.Where(l => HeaderLine().IsMatch(l))
            .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant())
            .Where(KnownHeaders.Contains).Distinct().Count();
        return known >= 2;
    }

    public static JsonObject Parse(string content)
    {
        var (headers, body) = SplitMessage(content);
        var document = new JsonObject();
        var headerObject = new JsonObject();
        foreach (var group in headers.GroupBy(h => h.Name.ToLowerInvariant()))
        {
            headerObject[group.Key] = group.Count() == 1
                ? JsonValue.Create(group.First().Value)
                : new JsonArray(group.Select(h => (JsonNode?)JsonValue.Create(h.Value)).ToArray());
        }
        document["headers"] = headerObject;

        string? Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
        var from = Header("From");
        document["from"] = Addresses(from).FirstOrDefault();
        document["from_name"] = DisplayName(from);
        document["to"] = ToArray(Addresses(Header("To")));
        document["cc"] = ToArray(Addresses(Header("Cc")));
        document["reply_to"] = ToArray(Addresses(Header("Reply-To")));
        document["return_path"] = Addresses(Header("Return-Path")).FirstOrDefault();
        document["subject"] = Header("Subject");
        document["date"] = Header("Date");
        document["message_id"] = Header("Message-ID")?.Trim().Trim('<', '>');

        var received = headers.Where(h => h.Name.Equals("Received", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        var hopIps = received.SelectMany(HopAddresses).Distinct().ToList();
        document["received_ips"] = ToArray(hopIps);
        // Received headers are prepended, so the bottom-most public address is where the message entered the internet.
        document["sender_ip"] = Enumerable.Reverse(received).SelectMany(HopAddresses).FirstOrDefault(IpClassifierPublic);

        var auth = new JsonObject();
        if (Header("Authentication-Results") is { } results)
        {
            foreach (Match m in AuthVerdict().Matches(results))
            {
                var key = m.Groups[1].Value.ToLowerInvariant();
                if (!auth.ContainsKey(key)) auth[key] = m.Groups[2].Value.ToLowerInvariant();
            }
        }
        document["auth"] = auth;

        var parts = new EmlBodyParts();
        EmlMime.Collect(headers, body, parts, depth: 0);
        document["body"] = new JsonObject
        {
            ["text"] = parts.Text.ToString(),
            ["html_text"] = parts.HtmlText.ToString(),
        };
        document["links"] = ToArray(parts.Links.Distinct());
        document["attachments"] = new JsonArray(parts.Attachments.Select(a => (JsonNode?)new JsonObject
        {
            ["filename"] = a.FileName,
            ["content_type"] = a.ContentType,
            ["size"] = a.Size,
        }).ToArray());

        var qr = new List<string>();
        foreach (var text in new[] { parts.Text.ToString(), parts.HtmlText.ToString() })
        {
            foreach (Match m in QrMarker().Matches(text.Length > ObservableExtractor.DefaultMaxChars ? text[..ObservableExtractor.DefaultMaxChars] : text))
                qr.Add(m.Groups[1].Value.TrimEnd('.', ',', ';', ')', '>'));
        }
        qr.AddRange(headers.Where(h => h.Name.StartsWith("X-QR", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()));
        document["qr_payloads"] = ToArray(qr.Distinct());
        return document;
    }

    private static bool IpClassifierPublic(string ip) => Core.Alerts.IpClassifier.IsPublic(ip);

    private static IEnumerable<string> HopAddresses(string received) =>
        ObservableExtractor.ExtractWithoutDomainsAndPhones(received).Where(o => o.Type is Core.Alerts.ObservableType.Ipv4 or Core.Alerts.ObservableType.Ipv6).Select(o => o.Value);

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    internal static (List<EmlHeader> Headers, string Body) SplitMessage(string content)
    {
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = end < 0 ? normalized : normalized[..end];
        var body = end < 0 ? "" : normalized[(end + 2)..];
        return (ParseHeaders(headerText), body);
    }

    internal static List<EmlHeader> ParseHeaders(string headerText)
    {
        var headers = new List<EmlHeader>();
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = last with { Value = last.Value + " " + line.Trim() };
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new EmlHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        return headers.Select(h => h with { Value = EmlMime.DecodeEncodedWords(h.Value) }).ToList();
    }

    private static List<string> ReadHeaderBlock(string content, int maxLines)
    {
        var lines = new List<string>();
        using var reader = new StringReader(content.Length > 256 * 1024 ? content[..(256 * 1024)] : content);
        while (lines.Count < maxLines && reader.ReadLine() is { } line && line.Length > 0) lines.Add(line);
        return lines;
    }

    private static List<string> Addresses(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return [];
        var result = new List<string>();
        foreach (var m in ExtractionPatterns.Email().EnumerateMatches(header)) result.Add(header.Substring(m.Index, m.Length).ToLowerInvariant());
        return result.Distinct().ToList();
    }

    private static string? DisplayName(string? header)
    {
        if (header is null) return null;
        var open = header.IndexOf('<', StringComparison.Ordinal);
        return open > 0 ? WebUtility.HtmlDecode(header[..open].Trim().Trim('"').Trim()) : null;
    }
}
