using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar;

public sealed partial class XsoarSimulator
{
    /// <summary>Adds an incident (with its investigation, indicators and playbook tasks); returns its id.</summary>
    public string AddIncident(XsoarSeedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return _store.AddIncident(incident);
    }

    /// <summary>Installs an integration and configures its instances (name, enabled).</summary>
    public void AddIntegration(XsoarSeedIntegration integration, params (string Name, bool Enabled)[] instances)
    {
        ArgumentNullException.ThrowIfNull(integration);
        _store.AddIntegration(integration, instances);
    }

    /// <summary>Adds a user with role names, e.g. an analyst who answers approvals in the war room.</summary>
    public void AddUser(string id, string name, params string[] roles) => _store.AddUser(id, name, roles);

    /// <summary>Writes an entry as <paramref name="user"/> (an analyst typing in the war room).</summary>
    public string AddAnalystEntry(string incidentId, string user, string text) =>
        _store.AddEntry(incidentId, text, 1, user)?["id"]?.GetValue<string>() ?? throw new ArgumentException($"no incident {incidentId}", nameof(incidentId));

    /// <summary>Closes the incident as an analyst would (<paramref name="closedBy"/> becomes <c>closingUserId</c>).</summary>
    public void CloseIncident(string incidentId, string reason, string notes, string closedBy = "analyst1") => _store.Close(incidentId, reason, notes, closedBy);
}
