using BroadcastGrains.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// Creates, prechecks and contact uploads in flight per client on this silo: each may carry a 256 MB body read into
/// columns, so one client opening hundreds at once could take the silo's memory. Past
/// <see cref="BroadcastOptions.MaxUploadsInFlightPerClient"/> the next one is 429 <c>RATE_LIMITED</c>.
/// </summary>
internal sealed class UploadSlots(IOptions<BroadcastOptions> options) : PerClientSlots(options.Value.MaxUploadsInFlightPerClient);
