using System.Globalization;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>Reads the two forms an operator may give: a libpq URI
/// (<c>postgresql://user:password@host:port/dbname?sslmode=require</c>, also <c>postgres://</c>) or an Npgsql keyword
/// string (<c>Host=…;Username=…;Password=…;Database=…</c>). Problems are described without the text they were found in,
/// so a password never reaches a message.</summary>
internal static class PostgresConnectionString
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    // The libpq URI parameters an operator is likely to need, and the Npgsql keyword each one sets.
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["keepalives_idle"] = "Tcp Keepalive Time",
        ["channel_binding"] = "Channel Binding",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>True when <paramref name="text"/> starts like a PostgreSQL URI.</summary>
    public static bool IsUri(string? text) =>
        text is not null && Schemes.Any(s => text.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parsed connection, or null with a problem that quotes no part of the text.</summary>
    public static NpgsqlConnectionStringBuilder? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        try
        {
            var builder = IsUri(text) ? FromUri(text.Trim(), out problem) : FromKeywords(text, out problem);
            if (builder is null) return null;
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                problem = "it names no host";
                return null;
            }
            return builder;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException or UriFormatException)
        {
            // The builder's own message may quote a value (a password included): only the kind of problem is told.
            problem = "a setting in it has a value of the wrong kind";
            return null;
        }
    }

    /// <summary>The connection as an operator can read it in a message or a log: URI form, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host ?? "";
        var port = builder.Port == NpgsqlConnection.DefaultPort || host.Contains(',', StringComparison.Ordinal)
            ? ""
            : ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        var database = string.IsNullOrEmpty(builder.Database) ? "" : "/" + Uri.EscapeDataString(builder.Database);
        var ssl = builder.SslMode == SslMode.Prefer ? "" : "?sslmode=" + SslModes.First(m => m.Value == builder.SslMode.ToString()).Key;
        return $"postgresql://{user}{host}{port}{database}{ssl}";
    }

    private static NpgsqlConnectionStringBuilder? FromKeywords(string text, out string? problem)
    {
        problem = null;
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            problem = "it is neither a postgresql:// URI nor a valid keyword connection string (an unknown keyword, a value of the wrong kind, or a value with an unquoted ';')";
            return null;
        }
    }

    private static NpgsqlConnectionStringBuilder? FromUri(string text, out string? problem)
    {
        problem = null;
        var rest = text[Schemes.First(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)).Length..];
        var builder = new NpgsqlConnectionStringBuilder();

        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? "" : rest[(queryAt + 1)..];
        if (queryAt >= 0) rest = rest[..queryAt];
        var firstSlash = rest.IndexOf('/', StringComparison.Ordinal);
        var firstAt = rest.IndexOf('@', StringComparison.Ordinal);
        if ((firstAt < 0 && query.Contains('@', StringComparison.Ordinal)) || (firstSlash >= 0 && firstAt > firstSlash))
        {
            // A '?' or '/' in the password cut the URI early; reading on would quote part of the password in a message.
            problem = "its user or password holds a '?' or '/' that is not percent-encoded (write %3F or %2F)";
            return null;
        }
        var path = firstSlash < 0 ? "" : rest[(firstSlash + 1)..];
        var authority = firstSlash < 0 ? rest : rest[..firstSlash];

        // The last '@' ends the user info: a password may itself hold an unescaped '@'.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Decode(userInfo[(colon + 1)..]);
        }
        if (authority.Length > 0 && !TrySetHosts(builder, authority, out problem)) return null;
        if (path.Length > 0) builder.Database = Decode(path);

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!UriParameters.TryGetValue(name, out var keyword))
            {
                var shown = name.Length <= 40 && name.All(c => c is (>= 'a' and <= 'z') or '_') ? $"'{name}'" : "(not shown)";
                problem = $"its parameter {shown} is not one this worker reads (known: {string.Join(", ", UriParameters.Keys)})";
                return null;
            }
            if (name == "sslmode")
            {
                if (!SslModes.TryGetValue(value, out var mode))
                {
                    problem = $"sslmode must be one of {string.Join(", ", SslModes.Keys)}";
                    return null;
                }
                value = mode;
            }
            builder[keyword] = value;
        }
        return builder;
    }

    /// <summary>One host (<c>host</c>, <c>host:port</c>, <c>[::1]:port</c>) or several separated by commas, each with its port
    /// in Npgsql's own form.</summary>
    private static bool TrySetHosts(NpgsqlConnectionStringBuilder builder, string authority, out string? problem)
    {
        problem = null;
        var hosts = new List<string>();
        int? port = null;
        foreach (var part in authority.Split(','))
        {
            var (host, portText) = SplitHostPort(part);
            if (host.Length == 0)
            {
                problem = "a host in it is empty";
                return false;
            }
            if (portText is not null)
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                {
                    problem = "a port in it is not a number from 1 to 65535";
                    return false;
                }
                port ??= p;
                host = $"{host}:{p.ToString(CultureInfo.InvariantCulture)}";
            }
            hosts.Add(host);
        }
        // One host keeps its port in Port and an IPv6 address loses its brackets (Npgsql's usual form); several hosts
        // carry their ports in the list.
        if (hosts.Count == 1)
        {
            var (host, _) = SplitHostPort(hosts[0]);
            builder.Host = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
            if (port is { } only) builder.Port = only;
        }
        else
        {
            builder.Host = string.Join(",", hosts);
        }
        return true;
    }

    private static (string Host, string? Port) SplitHostPort(string part)
    {
        part = Decode(part);
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return (part, null);
            var rest = part[(close + 1)..];
            return (part[..(close + 1)], rest.StartsWith(':') ? rest[1..] : null);
        }
        var colon = part.LastIndexOf(':');
        return colon < 0 ? (part, null) : (part[..colon], part[(colon + 1)..]);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
