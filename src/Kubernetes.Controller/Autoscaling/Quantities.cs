using System.Globalization;
using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>Quantity ↔ milli-value conversions as upstream does them (Quantity.MilliValue rounds up).</summary>
public static class Quantities
{
    public static long ToMilli(ResourceQuantity quantity)
    {
        var milli = Math.Ceiling(quantity.ToDecimal() * 1000m);
        return milli >= long.MaxValue ? long.MaxValue : (long)milli;
    }

    public static double ToDouble(ResourceQuantity quantity) => (double)quantity.ToDecimal();

    /// <summary>Formats a milli-value like resource.NewMilliQuantity(v, DecimalSI).String(): "1500m", "2".</summary>
    public static string FormatMilli(long milli) =>
        milli % 1000 == 0
            ? (milli / 1000).ToString(CultureInfo.InvariantCulture)
            : milli.ToString(CultureInfo.InvariantCulture) + "m";

    public static ResourceQuantity FromMilli(long milli) => new(FormatMilli(milli));
}
