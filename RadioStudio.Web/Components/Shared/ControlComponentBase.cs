using Microsoft.AspNetCore.Components;
using MudBlazor;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Web.Components.Shared;

/// <summary>A store-fed page that also sends commands; a refused command is shown, never thrown.</summary>
public abstract class ControlComponentBase : StoreComponentBase
{
    /// <summary>The studio's commands.</summary>
    [Inject]
    protected RadioStudio.Web.Auth.CircuitStudioControl Control { get; set; } = default!;

    /// <summary>Where refusals and errors are shown.</summary>
    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Runs a command; if the studio refuses it, says why in a snackbar.</summary>
    protected async Task RunAsync(Func<Task> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            await command();
        }
        catch (StudioCommandException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
    }
}
