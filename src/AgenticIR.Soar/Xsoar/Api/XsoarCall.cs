using AgenticIR.Soar.Resilience;
using RestSharp;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>One REST call: method, path relative to the API root (no leading slash, no query), a JSON body or
/// multipart form fields, and how safe it is to repeat.</summary>
internal sealed record XsoarCall(Method Method, string Path, SoarCallKind Kind, string? Body = null) : ISoarHttpCall
{
    /// <summary>Multipart form fields, sent instead of <see cref="Body"/> (<c>/inv-playbook/task/complete</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>A 404 is an answer (the caller turns it into null), not an error.</summary>
    public bool NotFoundIsAnswer { get; init; }

    /// <summary>Accepts an answer that would otherwise be an error (e.g. 400 "Task is completed already").</summary>
    public Func<SoarHttpResult, bool>? Accept { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>, for messages and logs.</summary>
    public string Verb => Method == Method.Get ? "GET" : "POST";

    /// <summary>The path as messages and logs show it: from the API root, with its leading slash.</summary>
    public string DisplayPath => "/" + Path;

    public static XsoarCall Get(string path) => new(Method.Get, path, SoarCallKind.Read);

    public static XsoarCall Post(string path, SoarCallKind kind, string body) => new(Method.Post, path, kind, body);
}
