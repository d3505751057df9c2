using Microsoft.AspNetCore.Components;
using MudBlazor;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Web.Components.Providers;

/// <summary>
/// Provider, endpoint and model for the LLM, speech-to-text and text-to-speech. Edits stay in the form until saved;
/// saving checks them (a bad URL or a missing key is refused with the reason and nothing changes), saves them and
/// switches the running providers at once. Choices saved from another console replace the form only while it is clean.
/// </summary>
public partial class AiProvidersPanel : ComponentBase
{
    private const string LlmOffline = LlmOptions.OfflineProvider;
    private const string SpeechOffline = "offline";

    private AiProviderChoices _saved = default!;
    private AiProviderChoices? _pushed;
    private LlmProviderChoice _llm = default!;
    private SpeechProviderChoice _stt = default!;
    private SpeechProviderChoice _tts = default!;
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyList<string> _models = [];
    private string? _modelsProblem;
    private bool _modelsLoaded;
    private bool _loadingModels;
    private bool _saving;

    /// <summary>The provider labels in force (pushed by the AI director).</summary>
    [Parameter] public AiStatus Ai { get; set; } = AiStatus.Initial;

    /// <summary>The saved choices as the studio last pushed them (another console may have saved).</summary>
    [Parameter] public AiProviderChoices? Saved { get; set; }

    [Inject] private IAiProviderSettings Providers { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private AiProviderChoices Edited => new(_llm, _stt, _tts);

    private bool Dirty => Edited != _saved;

    private AiProviderKeys Keys => Providers.Keys;

    private IReadOnlyList<VoiceInfo> Voices => Providers.Voices;

    /// <inheritdoc />
    protected override void OnInitialized() => Load();

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Saved == _pushed)
        {
            return;
        }

        _pushed = Saved;
        if (!Dirty)
        {
            Load();
        }
    }

    private void Load()
    {
        _saved = Providers.Current;
        (_llm, _stt, _tts) = (_saved.Llm, _saved.SpeechToText, _saved.TextToSpeech);
    }

    private void Discard()
    {
        _problems = [];
        Load();
    }

    private async Task LoadModelsAsync()
    {
        _loadingModels = true;
        _modelsProblem = null;
        try
        {
            _models = await Providers.ListModelsAsync(_llm.Endpoint);
            _modelsLoaded = true;
            if (_models.Count == 0)
            {
                _modelsProblem = "The endpoint lists no models; type the model's name.";
            }
        }
        catch (LlmModelListException failed)
        {
            _models = [];
            _modelsLoaded = false;
            _modelsProblem = failed.Message + " Type the model's name instead.";
        }
        finally
        {
            _loadingModels = false;
        }
    }

    private async Task SaveAsync()
    {
        var choices = Edited;
        _problems = Providers.Check(choices);
        if (_problems.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            await Providers.ApplyAsync(choices);
            _pushed = Saved;
            Load();
            Snackbar.Add("AI providers saved and in use.", Severity.Success);
        }
        catch (StudioCommandException refused)
        {
            _problems = [refused.Message];
        }
        finally
        {
            _saving = false;
        }
    }

    private static string? Text(ChangeEventArgs e) => e.Value as string is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string Gender(VoiceGender gender) => gender.ToString().ToLowerInvariant();
}
