namespace AgenticIR.Agents.Context;

/// <summary>The normal forms lookups use, so the same entity spelt differently by two sources meets in one key.</summary>
internal static class ContextKeys
{
    /// <summary>Host short name: the first label of an FQDN (<c>fin-db01.corp.local</c> → <c>fin-db01</c>), lower case.</summary>
    public static string Host(string host)
    {
        var h = host.Trim().ToLowerInvariant();
        if (System.Net.IPAddress.TryParse(h, out _)) return h;
        var dot = h.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? h[..dot] : h;
    }

    /// <summary>Account name without domain prefix or mail domain (<c>CORP\jdoe</c>, <c>jdoe@corp.com</c> → <c>jdoe</c>).</summary>
    public static string User(string user)
    {
        var u = user.Trim().ToLowerInvariant();
        var slash = u.LastIndexOf('\\');
        if (slash >= 0) u = u[(slash + 1)..];
        var at = u.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? u[..at] : u;
    }

    /// <summary>The host part of a URL (or of a bare <c>host/path</c>), or null.</summary>
    public static string? UrlHost(string url)
    {
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "http://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : null;
    }

    /// <summary>The URL without query string and fragment.</summary>
    public static string UrlWithoutQuery(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return (cut >= 0 ? url[..cut] : url).Trim().ToLowerInvariant();
    }

    /// <summary>The domain and its parents down to two labels: <c>a.b.evil.com</c> → a.b.evil.com, b.evil.com, evil.com.</summary>
    public static IEnumerable<string> DomainAndParents(string domain)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            yield return d;
            var dot = d.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || d.IndexOf('.', dot + 1) < 0) yield break;
            d = d[(dot + 1)..];
        }
    }

    /// <summary>The domain of an e-mail address, or null.</summary>
    public static string? EmailDomain(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().ToLowerInvariant() : null;
    }

    /// <summary>Keys a cloud resource is known by: the whole cell, the ARN before any annotation, and its last name segment.</summary>
    public static IEnumerable<string> CloudResource(string resource)
    {
        var whole = resource.Trim().ToLowerInvariant();
        yield return whole;
        var paren = whole.IndexOf(" (", StringComparison.Ordinal);
        var arn = paren > 0 ? whole[..paren].Trim() : whole;
        if (arn != whole) yield return arn;
        var name = ResourceName(arn);
        if (name != arn) yield return name;
    }

    /// <summary>The short name inside an ARN (<c>arn:aws:s3:::bucket</c> → bucket, <c>…:user/alice</c> → alice).</summary>
    public static string ResourceName(string arn)
    {
        var a = arn.Trim().ToLowerInvariant();
        if (!a.StartsWith("arn:", StringComparison.Ordinal)) return a;
        var paren = a.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0) a = a[..paren];
        var cut = Math.Max(a.LastIndexOf('/'), a.LastIndexOf(':'));
        var name = cut >= 0 ? a[(cut + 1)..] : a;
        return name.Length == 0 ? a : name;
    }
}
