Console.Out.WriteLine("EmbeddedKubernetes: an in-process Kubernetes-API-compatible control plane for local development and tests.");
return 0;
