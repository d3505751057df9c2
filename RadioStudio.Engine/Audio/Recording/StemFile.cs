using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Recording;

/// <summary>One file of a take: the bus it holds and its full path.</summary>
/// <param name="Bus">The bus.</param>
/// <param name="Path">The WAV file (<c>&lt;bus name&gt;.wav</c> in the take folder).</param>
public sealed record StemFile(BusId Bus, string Path);
