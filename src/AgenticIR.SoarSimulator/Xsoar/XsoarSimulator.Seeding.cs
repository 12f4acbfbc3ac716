using System.Text.Json.Nodes;
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

    /// <summary>Adds a playbook to the library <c>/playbook/search</c> lists; <paramref name="id"/> is what incidents name
    /// in <c>playbookId</c>.</summary>
    public void AddLibraryPlaybook(string id, string name, bool hidden = false, bool deprecated = false) => _store.AddLibraryPlaybook(id, name, hidden, deprecated);

    /// <summary>Adds an incident created at the run's start with the work plan the run left; returns the incident id.</summary>
    public string AddHistoricalRun(XsoarHistoricalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _store.AddHistoricalRun(run);
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

    /// <summary>Closes the incident as an analyst would: close reason and notes, and optionally the closing user
    /// (<c>closingUserId</c>) and a final severity.</summary>
    public void CloseIncident(string incidentId, string reason, string notes, string? closedBy = null, double? severity = null) =>
        _store.Close(incidentId, reason, notes, closedBy, severity);

    /// <summary>Edits an entry's text as its author would in the war room (version and modified time move on).</summary>
    public void EditEntry(string incidentId, string entryId, string text)
    {
        if (_store.EditEntry(incidentId, entryId, -1, text).Error is { } error) throw new ArgumentException(error, nameof(entryId));
    }

    /// <summary>Completes a playbook task as <paramref name="user"/> would in XSOAR, with <paramref name="input"/> as the
    /// completion's input; false when the task was already completed.</summary>
    public bool CompleteTask(string incidentId, string taskId, string input, string user)
    {
        var (playbook, error) = _store.CompleteTask(incidentId, taskId, input, user);
        if (playbook is null && error != "Task is completed already") throw new ArgumentException(error, nameof(taskId));
        return playbook is not null;
    }

    /// <summary>Runs a command line (<c>!cmd arg="v"</c>) in the incident's war room as <paramref name="user"/>, as an analyst
    /// or a playbook would; returns the result entries.</summary>
    public IReadOnlyList<JsonObject> RunCommand(string incidentId, string user, string line)
    {
        if (Http.XsoarCommandParser.Parse(line) is not { } parsed) throw new ArgumentException("not a command line", nameof(line));
        return _store.Execute(incidentId, line, parsed.Command, parsed.Arguments, parsed.Using, user)?.OfType<JsonObject>().ToList()
            ?? throw new ArgumentException($"no incident {incidentId}", nameof(incidentId));
    }
}
