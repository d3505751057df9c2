using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Studio;

/// <summary>What a command may use while the engine applies it.</summary>
internal sealed record CommandContext(TimeProvider Time, IStudioRepository Repository, StudioOptions Options, ILogger Logger);
