using Microsoft.AspNetCore.Components;
using MudBlazor;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Web.Audio;
using RadioStudio.Web.Components.Shared;

namespace RadioStudio.Web.Components.Pages;

/// <summary>
/// Audio routing and the output device. Edits stay in the form until saved; a routing pushed from another
/// console replaces the form only while it has no unsaved edits (otherwise the page says so and keeps them).
/// </summary>
public partial class Settings : ControlComponentBase
{
    private RoutingTable _edit = new();
    private RoutingTable _saved = new();
    private RoutingTable? _pushed;
    private bool _changedElsewhere;
    private bool _saving;

    private IReadOnlyList<AudioDeviceInfo> _devices = [];
    private string? _listProblem;
    private bool _listing;
    private bool _listed;

    private RoutingPreview _preview = RoutingPreview.Build(new RoutingTable(), null);

    [Inject] private IAudioDeviceCatalog Catalog { get; set; } = default!;

    private bool Dirty => _edit != _saved;

    /// <summary>Output devices (at least one output channel), in PortAudio's order.</summary>
    private IEnumerable<AudioDeviceInfo> OutputDevices => _devices.Where(d => d.MaxOutputChannels > 0);

    /// <summary>The listed device the form's name selects (same rules as the engine), or null.</summary>
    private AudioDeviceInfo? SelectedDevice =>
        string.IsNullOrWhiteSpace(_edit.DeviceName) ? null : AudioDevices.Match(_devices, _edit.DeviceName, output: true);

    /// <summary>The form names a device that is not an exact entry of the list (unplugged, or matched loosely).</summary>
    private bool NameNotListed =>
        !string.IsNullOrWhiteSpace(_edit.DeviceName) && !OutputDevices.Any(d => d.DisplayName == _edit.DeviceName);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // Prerendering would list (and initialise PortAudio) once more for a page that is thrown away.
        if (RendererInfo.IsInteractive)
        {
            await RefreshDevicesAsync();
        }
    }

    /// <inheritdoc />
    protected override void OnStateChanged()
    {
        var routing = State.Routing;
        if (ReferenceEquals(routing, _pushed) || routing == _pushed)
        {
            return;
        }

        _pushed = routing;
        var hadEdits = Dirty;
        _saved = routing;
        if (hadEdits)
        {
            // Keep the host's edits; say that the saved routing moved underneath them.
            _changedElsewhere = Dirty;
        }
        else
        {
            _edit = routing;
            _changedElsewhere = false;
        }

        UpdatePreview();
    }

    private async Task RefreshDevicesAsync()
    {
        if (_listing)
        {
            return;
        }

        _listing = true;
        StateHasChanged();
        try
        {
            // PortAudio initialisation can take a moment: never on the render path.
            var (devices, problem) = await Task.Run(() =>
            {
                var list = Catalog.List(out var why);
                return (list, why);
            });
            _devices = devices;
            _listProblem = problem;
        }
        catch (Exception e)
        {
            _devices = [];
            _listProblem = "Could not list devices: " + e.Message;
        }
        finally
        {
            _listing = false;
            _listed = true;
        }

        UpdatePreview();
    }

    private void Edit(RoutingTable table)
    {
        _edit = table;
        if (!Dirty)
        {
            _changedElsewhere = false;
        }

        UpdatePreview();
    }

    private void OnDeviceChanged(ChangeEventArgs e)
    {
        var name = e.Value as string;
        Edit(_edit with { DeviceName = string.IsNullOrWhiteSpace(name) ? null : name });
    }

    private void ResetToDefaults() => Edit(new RoutingTable());

    private void Discard()
    {
        _changedElsewhere = false;
        Edit(_saved);
    }

    private async Task SaveAsync()
    {
        var table = _edit;
        _saving = true;
        try
        {
            var accepted = false;
            await RunAsync(async () =>
            {
                await Control.SetRoutingAsync(table);
                accepted = true;
            });
            if (accepted)
            {
                // The engine pushes the saved table too; until then this is the saved routing.
                _saved = table;
                _changedElsewhere = false;
                Snackbar.Add("Routing saved.", Severity.Success);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void UpdatePreview()
    {
        int? channels = string.IsNullOrWhiteSpace(_edit.DeviceName) ? null : SelectedDevice?.MaxOutputChannels;
        _preview = RoutingPreview.Build(_edit, channels);
    }

    private static string OutputStateClass(string state) =>
        state.StartsWith("Running", StringComparison.OrdinalIgnoreCase) ? "running"
        : state.StartsWith("Lost", StringComparison.OrdinalIgnoreCase) || state.StartsWith("Fail", StringComparison.OrdinalIgnoreCase) ? "lost"
        : "idle";

    private static string Channels(IEnumerable<int> channels) => string.Join(" / ", channels);
}
