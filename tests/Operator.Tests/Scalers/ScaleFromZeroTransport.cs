namespace Operator.Tests.Scalers;

/// <summary>
/// What <see cref="ScaleFromZeroFlow"/> needs from one message source: the trigger (asking for one replica per 5
/// messages, as YAML for one item of <c>spec.triggers</c>), the objects it authenticates with, and the steps that put
/// messages on it and take them off.
/// </summary>
/// <param name="Trigger">The trigger, YAML.</param>
/// <param name="Objects">YAML documents applied before the ScaledObject (Secrets, TriggerAuthentications); empty for none.</param>
/// <param name="SendFirstAsync">Puts the first message on the source.</param>
/// <param name="SendNineteenMoreAsync">Brings the source to 20 pending messages.</param>
/// <param name="Load">The 20 pending messages as the scaler sees them ("lag 20").</param>
/// <param name="DrainAsync">Processes every message, as the consumers would.</param>
/// <param name="Drain">What <paramref name="DrainAsync"/> does ("the commits").</param>
internal sealed record ScaleFromZeroTransport(
    string Trigger,
    string Objects,
    Func<Task> SendFirstAsync,
    Func<Task> SendNineteenMoreAsync,
    string Load,
    Func<Task> DrainAsync,
    string Drain);
