using EmbeddedKubernetes;
using EmbeddedKubernetes.Hosting;

return await CommandLine.RunAsync(args);
