from crm_desktop.main import main

raise SystemExit(main())
