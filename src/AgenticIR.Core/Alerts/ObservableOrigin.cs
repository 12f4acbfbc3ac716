namespace AgenticIR.Core.Alerts;

/// <summary>Where an observable came from, which decides what may be done to it.</summary>
/// <remarks>Alert content is attacker-controlled. A structured entity field (source IP, host, sender, attachment hash)
/// is the vendor's statement of what the alert is about; a value found in free text (subject, body, description,
/// command line, user agent, URL path) is whatever somebody wrote there. Free-text observables may be looked up, but they
/// never become response targets, never raise severity and never justify containment on their own.</remarks>
public enum ObservableOrigin
{
    /// <summary>A structured entity field of the alert's mapping.</summary>
    Entity = 0,

    /// <summary>Found by scanning free text.</summary>
    FreeText = 1,
}
