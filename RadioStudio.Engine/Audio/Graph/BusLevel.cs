using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>One bus's level for the meters, in dBFS.</summary>
/// <param name="Bus">The bus.</param>
/// <param name="RmsDb">RMS of the last block.</param>
/// <param name="PeakHoldDb">The falling peak-hold.</param>
/// <param name="Active">False for a phone slot nobody is on.</param>
public readonly record struct BusLevel(BusId Bus, float RmsDb, float PeakHoldDb, bool Active);
