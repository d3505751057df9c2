using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Web.Components.Shared;
using RadioStudio.Web.Telephony;

namespace RadioStudio.Web.Components.Pages;

/// <summary>The host console: runs the show. Every action is a command to the engine; the page only renders pushes.</summary>
public partial class HostConsole : ControlComponentBase, IAsyncDisposable
{
    private const string CartHotkey = "cart:";
    private const string AiHotkey = "ai:";

    private IReadOnlyList<PhoneLineState> _queue = [];
    private IReadOnlyList<PhoneLineState> _onAir = [];
    private IReadOnlyList<PhoneLineState>? _lastLines;
    private DotNetObjectReference<HostConsole>? _self;
    private IJSObjectReference? _hotkeys;
    private bool _switching;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<AiCallerOptions> AiOptions { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ITestCallPlacer TestCalls { get; set; } = default!;

    [Inject] private IAudioDesk Desk { get; set; } = default!;

    [Inject] private IAiDirector Ai { get; set; } = default!;

    private bool _placingCall;

    /// <summary>Called by hotkeys.js.</summary>
    [JSInvokable]
    public Task OnHotkey(string action) => action switch
    {
        "toggle-on-air" => InvokeAsync(ToggleOnAirAsync),
        "next-caller" => InvokeAsync(() => RunAsync(() => Control.TakeNextAsync())),
        "ptt:down" => InvokeAsync(() => PushToTalk(true)),
        "ptt:up" => InvokeAsync(() => PushToTalk(false)),
        "let-them-respond" => InvokeAsync(LetThemRespondAsync),
        "ai-hangup" => InvokeAsync(HangUpAiAsync),
        _ when action.StartsWith(AiHotkey, StringComparison.Ordinal) => InvokeAsync(() => CallAiAsync(action[AiHotkey.Length..] == "0" ? 10 : int.Parse(action[AiHotkey.Length..], System.Globalization.CultureInfo.InvariantCulture))),
        _ when action.StartsWith(CartHotkey, StringComparison.Ordinal) => InvokeAsync(() => FireCartKeyAsync(action[CartHotkey.Length..])),
        _ => Task.CompletedTask,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_hotkeys is not null)
        {
            try
            {
                await _hotkeys.InvokeVoidAsync("dispose");
                await _hotkeys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            _self = DotNetObjectReference.Create(this);
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/hotkeys.js");
            _hotkeys = await module.InvokeAsync<IJSObjectReference>("register", _self);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <inheritdoc />
    protected override void OnStateChanged()
    {
        if (ReferenceEquals(_lastLines, State.Lines))
        {
            return;
        }

        _lastLines = State.Lines;
        _queue = [.. State.Queue];
        _onAir = [.. State.OnAirLines];
    }

    private async Task ToggleOnAirAsync()
    {
        if (_switching)
        {
            return;
        }

        var goOnAir = !State.OnAir;
        if (!goOnAir)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                "Go off air?", "This ends the show: the transcript closes and new callers hear the off-air message.",
                yesText: "End show", cancelText: "Stay on air");
            if (confirmed != true)
            {
                return;
            }
        }

        _switching = true;
        try
        {
            await Control.SetOnAirAsync(goOnAir);
        }
        catch (StudioCommandException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
        finally
        {
            _switching = false;
        }
    }

    private async Task<bool> SendHostLineAsync(string text)
    {
        try
        {
            await Ai.HostLineAsync(text);
            return true;
        }
        catch (StudioCommandException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
            return false;
        }
    }

    private async Task PlaceTestCallAsync()
    {
        _placingCall = true;
        try
        {
            if (await TestCalls.PlaceTestCallAsync() is { } refused)
            {
                Snackbar.Add($"The studio refused the test call: {refused}", Severity.Info);
            }
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            Snackbar.Add($"The test call could not be placed: {error.Message}", Severity.Error);
        }
        finally
        {
            _placingCall = false;
        }
    }

    /// <summary>Cart keys: "1".."9", "0", or a letter (pressed with Shift); the effect is looked up in the pushed cart.</summary>
    private Task FireCartKeyAsync(string key)
    {
        var effect = State.Audio.Effects.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        if (effect is null)
        {
            Snackbar.Add($"Nothing on cart key {key.ToUpperInvariant()}.", Severity.Info);
            return Task.CompletedTask;
        }

        return RunAsync(() => Desk.FireEffectAsync(effect.Id));
    }

    private Task ToggleBlockAllAsync() => RunAsync(() => Control.SetBlockAllAsync(!State.BlockAll));

    private Task SetRespondModeAsync(RespondMode mode) => RunAsync(() => Control.SetRespondModeAsync(mode));

    private Task SetAutoFollowUpAsync(bool enabled) => RunAsync(() => Control.SetAutoFollowUpAsync(enabled));

    private Task CallAiAsync(int slot) => RunAsync(() => Ai.CallAsync(slot));

    private Task HangUpAiAsync() => RunAsync(() => Ai.HangUpAsync());

    private Task LetThemRespondAsync() => RunAsync(() => Ai.LetThemRespondAsync());

    private void PushToTalk(bool held) => Ai.PushToTalk(held);
}
