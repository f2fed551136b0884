import {
	BIGIN_MODULES,
	findModule,
	listableFieldNames,
	moduleDisplayName,
	moduleNames,
	modulesWithParent,
	modulesWithPlacement,
	modulesWithProductLinks,
	modulesWithRelatedLists,
	parentModuleNames,
	recordKindsInProse,
	recordModuleProblem,
	renamedModulesNote,
	watchableModules,
} from '../../../../nodes/Bigin/shared/modules';

describe('the module table', () => {
	it('holds the seven watchable modules and Notes, which Bigin cannot watch', () => {
		expect(moduleNames(BIGIN_MODULES)).toEqual([
			'Contacts',
			'Accounts',
			'Pipelines',
			'Products',
			'Tasks',
			'Events',
			'Calls',
			'Notes',
		]);
		expect(moduleNames(watchableModules())).toEqual(moduleNames(BIGIN_MODULES).slice(0, 7));
		for (const module of watchableModules()) {
			expect(module.events).toEqual(['create', 'edit', 'delete', 'all']);
		}
		expect(findModule('Notes')?.events).toEqual([]);
	});

	it("labels a record and the module as Bigin's UI does, with the API name where they differ", () => {
		const accounts = findModule('Accounts');
		expect(accounts?.label).toEqual({ singular: 'Company', plural: 'Companies' });
		expect(accounts && moduleDisplayName(accounts)).toBe('Companies (Accounts)');
		expect(moduleDisplayName(findModule('Pipelines')!)).toBe('Pipelines');
		expect(findModule('Pipelines')?.label.singular).toBe('Pipeline Record');
		expect(renamedModulesNote()).toBe('Companies are the Accounts module in Bigin.');
		expect(recordKindsInProse()).toBe(
			'contact, company, pipeline record, product, task, event, call or note',
		);
	});

	it("knows each module's name field, duplicate check field and common fields", () => {
		expect(findModule('Contacts')?.record).toMatchObject({
			nameField: 'Full_Name',
			duplicateCheckField: 'Email',
		});
		expect(findModule('Accounts')?.record.nameField).toBe('Account_Name');
		expect(findModule('Pipelines')?.record.commonFields).toEqual(
			expect.arrayContaining(['Pipeline', 'Sub_Pipeline', 'Stage']),
		);
		for (const module of BIGIN_MODULES) {
			expect(module.record.commonFields).toContain(module.record.nameField);
		}
	});

	it('places only pipeline records in Team Pipelines; notes hang off a record of any other module, activities off a contact, company or pipeline record', () => {
		expect(moduleNames(modulesWithPlacement())).toEqual(['Pipelines']);
		expect(moduleNames(modulesWithParent())).toEqual(['Tasks', 'Events', 'Calls', 'Notes']);
		const notes = findModule('Notes')!;
		expect(notes.parent).toMatchObject({ idField: 'Parent_Id', moduleField: '$se_module' });
		expect(parentModuleNames(notes)).toEqual(moduleNames(BIGIN_MODULES).slice(0, 7));
		for (const activity of ['Tasks', 'Events', 'Calls']) {
			const module = findModule(activity)!;
			expect(module.parent).toMatchObject({
				idField: 'Related_To',
				moduleField: '$related_module',
			});
			expect(parentModuleNames(module)).toEqual(['Contacts', 'Accounts', 'Pipelines']);
			expect(module.record.commonFields).toContain('Related_To');
		}
	});

	it('leaves out of default reads the fields Bigin refuses in list and record reads', () => {
		expect(listableFieldNames('Calls', ['Subject', 'Call_Status', 'CTI_Entry', 'Owner'])).toEqual([
			'Subject',
			'Owner',
		]);
		expect(listableFieldNames('Events', ['Event_Title', 'Participants'])).toEqual(['Event_Title']);
		expect(
			listableFieldNames('Pipelines', ['Deal_Name', 'Associated_Products', 'Secondary_Contacts']),
		).toEqual(['Deal_Name']);
		expect(listableFieldNames('Contacts', ['Last_Name', 'Call_Status'])).toEqual([
			'Last_Name',
			'Call_Status',
		]);
	});

	it("knows each record's related lists, and which records products link to", () => {
		expect(findModule('Accounts')?.relatedLists).toEqual([
			'Contacts',
			'Pipelines',
			'Products',
			'Tasks',
			'Events',
			'Calls',
			'Notes',
		]);
		expect(findModule('Products')?.relatedLists).toEqual([
			'Contacts',
			'Accounts',
			'Pipelines',
			'Notes',
		]);
		expect(moduleNames(modulesWithRelatedLists())).toEqual(moduleNames(BIGIN_MODULES).slice(0, 7));
		expect(moduleNames(modulesWithProductLinks())).toEqual(['Contacts', 'Accounts', 'Pipelines']);
	});

	it('refuses a module it does not hold, naming the ones it does', () => {
		expect(recordModuleProblem('Notes')).toBeUndefined();
		expect(recordModuleProblem('Deals')).toBe(
			'"Deals" is not a module the node works with. Use one of: Contacts, Accounts, Pipelines, Products, Tasks, Events, Calls, Notes',
		);
		expect(findModule('contacts')).toBeUndefined();
	});
});
