{{- define "coredns.labels" -}}
k8s-app: kube-dns
app.kubernetes.io/name: coredns
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
