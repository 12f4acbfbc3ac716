namespace AgenticIR.Governance.Controls;

/// <summary>Categories the global per-hour limits count.</summary>
public static class ControlCategories
{
    /// <summary>Every dispatched action.</summary>
    public const string All = "all";
    /// <summary>Actions of critical risk.</summary>
    public const string Critical = "critical";
    /// <summary>Endpoint isolations.</summary>
    public const string EndpointsIsolated = "isolate_endpoint";
    /// <summary>User and service-account disablements.</summary>
    public const string UsersDisabled = "disable_user";
}
