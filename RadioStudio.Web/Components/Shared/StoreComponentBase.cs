using Microsoft.AspNetCore.Components;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Web.Components.Shared;

/// <summary>
/// A component fed by the studio store: it subscribes once, re-renders on every pushed snapshot and
/// unsubscribes when disposed. No polling, no timers: the engine pushes the clock too.
/// </summary>
public abstract class StoreComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    /// <summary>The studio store.</summary>
    [Inject]
    protected IStudioStore Store { get; set; } = default!;

    /// <summary>The snapshot this component last rendered.</summary>
    protected StudioState State { get; private set; } = default!;

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        State = Store.Current;
        OnStateChanged();
        _subscription = Store.Subscribe(OnPushedAsync);
    }

    /// <summary>Derive view data from <see cref="State"/>; runs before every render caused by a push.</summary>
    protected virtual void OnStateChanged()
    {
    }

    private Task OnPushedAsync(StudioState state) => InvokeAsync(() =>
    {
        if (ReferenceEquals(state, State))
        {
            return;
        }

        State = state;
        OnStateChanged();
        StateHasChanged();
    });
}
