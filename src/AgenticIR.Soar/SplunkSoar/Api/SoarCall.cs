using AgenticIR.Soar.Resilience;
using RestSharp;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>One REST call: method, path (<c>rest/…</c>, no query), an already-encoded query, a JSON body and how safe it
/// is to repeat.</summary>
internal sealed record SoarCall(Method Method, string Path, SoarCallKind Kind, SoarQuery? Query = null, string? Body = null) : ISoarHttpCall
{
    /// <summary>A 404 is an answer (the caller turns it into null), not an error.</summary>
    public bool NotFoundIsAnswer { get; init; }

    /// <summary>Accepts an answer that would otherwise be an error (e.g. a duplicate artifact's <c>existing_artifact_id</c>).</summary>
    public Func<SoarHttpResult, bool>? Accept { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>, for messages and logs.</summary>
    public string Verb => Method == Method.Get ? "GET" : "POST";

    public string DisplayPath => Path;

    public string Resource => Query is null ? Path : Query.AppendTo(Path);

    public static SoarCall Get(string path, SoarQuery? query = null) => new(Method.Get, path, SoarCallKind.Read, query);

    public static SoarCall Post(string path, SoarCallKind kind, string body) => new(Method.Post, path, kind, null, body);
}
