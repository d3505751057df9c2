using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Screening;

/// <summary>What every <see cref="LineScreener"/> shares: providers, the gate, the clips, and how it reads and writes the studio.</summary>
internal sealed record ScreenerContext(
    ScreeningOptions Options,
    TimeProvider Time,
    ScreenerVoice Voice,
    ISpeechToText Recognition,
    ScreeningExtractor Extractor,
    ScreeningProviderGate Gate,
    IKnownCallerLookup KnownCallers,
    ScreeningClips Clips,
    Func<string> ShowTitle,
    Func<string, PhoneLineState?> Line,
    Func<string, ScreeningState, string?, string?, CancellationToken, Task> Publish,
    ILogger Logger);
