namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>A fade asked of a <see cref="Crossfader"/>: to <paramref name="Next"/> (null = silence) over <paramref name="Frames"/> frames.</summary>
internal sealed record CrossfadeRequest(IAudioSource? Next, long Frames);
